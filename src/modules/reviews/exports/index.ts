export { renderHeatMapPdf } from './heat-map-pdf.ts';
export { renderRatingsCsv } from './ratings-csv.ts';
export { renderRatingsXlsx } from './ratings-xlsx.ts';
