import { answer, serveAlerts } from './receiver.js';

// Parses and acknowledges; stores nothing.
serveAlerts((alerts, response) => answer(response, 200, alerts.length, 0));
