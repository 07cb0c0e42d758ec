import type { ReactNode } from 'react';
import type { ConfigIssue } from '../config/schema';

/** Full-page error when /config.json is missing or wrong: names every bad field. */
export function ConfigErrorPage({ issues }: { issues: ConfigIssue[] }): ReactNode {
  return (
    <main id="main" className="config-error">
      <section className="panel panel-error" role="alert" aria-labelledby="config-error-title">
        <h1 id="config-error-title">Greenroom cannot start: config.json needs fixing</h1>
        <p>The runtime configuration was read from /config.json and these fields are wrong:</p>
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code> {i.message}
            </li>
          ))}
        </ul>
        <p>Fix the file on the web server and reload this page. No request was sent to AWS.</p>
      </section>
    </main>
  );
}
