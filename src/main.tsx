import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import './app/styles.css';
import { loadConfig } from './config/loadConfig';

const root = createRoot(document.getElementById('root') as HTMLElement);
const cfg = await loadConfig();
root.render(<StrictMode>{cfg.ok ? <App config={cfg.value} /> : <ConfigErrorPage issues={cfg.issues} />}</StrictMode>);
