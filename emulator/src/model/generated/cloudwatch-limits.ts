// Generated from shared/cloudwatch/service-2.json (apiVersion 2010-08-01) by scripts/gen-model.ts; do not edit.
// Run `npm run gen:model` after a model change and commit the diff.
// GetMetricData's and ListMetrics' limits, which the model states only in its documentation.

export const cloudwatchLimits = {
  "maxMetricDataQueries": 500,
  "defaultMaxDatapoints": 100800,
  "maxDatapointsPerCall": 100800,
  "highResolutionPeriods": [
    1,
    5,
    10,
    20,
    30
  ],
  "listMetricsPageSize": 500,
  "retention": {
    "highResolutionHours": 3,
    "oneMinuteDays": 15,
    "fiveMinuteDays": 63,
    "oneHourDays": 455
  }
} as const;
