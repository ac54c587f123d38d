export { CostService, type CostDeps } from './cost-service';
export { monthShare, type Cycled } from './proration';
