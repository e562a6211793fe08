/** What a setup run made and what it found already there, each in words a lead reads. */
export interface SetupReport {
  created: string[];
  kept: string[];
}
