/** Launches: product specs, compile with progress, the launch checklist (src-renderer/src/areas/launches/). */
export { default } from './launches/LaunchesPage';
