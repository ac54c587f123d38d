/** The compliance capability's public entry (docs/compliance.md). */
export { ComplianceService, type ComplianceDeps } from './compliance-service';
export { dataMap, dataMapCoverage, type TableCoverage, type DataMapEntry } from './data-map';
export { eraseKind } from './erase-approval';
