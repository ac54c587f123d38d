/** Guardian, the home page: health score, live tiles, history, healing plan, monitors (src-renderer/src/areas/guardian/). */
export { default } from './guardian/GuardianPage';
