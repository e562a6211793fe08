/** What a setup run made and what it found already there, each in words a lead reads. */
export interface SetupReport {
  created: string[];
  kept: string[];
  /** What the lead should know or still do, in sentences: a spreadsheet left where it was, settings still blank. */
  notes: string[];
}
