import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import './app/styles.css';
import { loadConfig } from './config/loadConfig';
import { createAuthController } from './auth/session';

// A page restored from the back/forward cache may show a previous user's data: always start fresh instead.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload();
});

const root = createRoot(document.getElementById('root') as HTMLElement);
const cfg = await loadConfig();
if (cfg.ok) {
  const auth = createAuthController(cfg.value.auth);
  root.render(
    <StrictMode>
      <App config={cfg.value} auth={auth} />
    </StrictMode>,
  );
  await auth.init();
} else {
  root.render(
    <StrictMode>
      <ConfigErrorPage issues={cfg.issues} />
    </StrictMode>,
  );
}
