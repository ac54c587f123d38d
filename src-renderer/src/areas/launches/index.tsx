/** Launches: product specs, compile with progress, the launch checklist. */
export { default } from './LaunchesPage';
