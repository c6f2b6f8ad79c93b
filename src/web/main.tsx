/** Entry of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// antd's base styles: no browser body margin (it left a white frame around the app, and
// pushed the page 8 px wider whenever a dialog locked scrolling), antd's fonts everywhere.
import 'antd/dist/reset.css';
import './i18n';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
