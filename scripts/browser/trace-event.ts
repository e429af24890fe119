/** One event of a Chrome trace (CDP Tracing, ReportEvents), as far as the e2e checks and benches read it. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time (CPU) of an 'X' event, microseconds: the work itself, without the time the thread was preempted. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frames?: { url?: string; processId?: number }[] } };
}
