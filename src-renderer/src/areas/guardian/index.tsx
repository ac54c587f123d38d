/** Guardian, the home page: health score, live tiles, history, healing plan, monitors. */
export { default } from './GuardianPage';
