// The AI metric's value today in a follow-up: a number as people write it ("41", "1,200", "-3.5"), or nothing. On
// its own, so the form can tell an earlier free-text answer apart without loading the schemas (ADR 043).
export const METRIC_VALUE = /^$|^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export const isMetricValue = (value: string) => METRIC_VALUE.test(value.trim());
