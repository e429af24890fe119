/** One event of a Chrome trace (CDP Tracing, ReportEvents), as far as the e2e checks and benches read it. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  /** Wall-clock duration of an 'X' event, in microseconds. */
  dur?: number;
  /** Thread (CPU) time of an 'X' event, in microseconds: the work itself, without the time the thread was preempted. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; frame?: string; message?: string; frames?: { url?: string; processId?: number }[] };
  };
}
