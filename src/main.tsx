// First: the Trusted Types policy must exist before any other module runs.
import './security/trusted-types';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppBoundary } from './app/crash-screen';
import './styles.css';
import { applySavedTheme } from './ui/theme';

applySavedTheme();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <App />
      </AppBoundary>
    </StrictMode>,
  );
