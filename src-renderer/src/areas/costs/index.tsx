/** Costs: the month's costs by category beside budgets, revenue and margin; recurring costs and budgets edited here. */
export { default } from './CostsPage';
