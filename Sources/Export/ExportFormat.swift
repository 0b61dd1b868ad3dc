/// What `tonearm export` writes: the two text formats of `TrackExport`, or Parquet from its typed columns.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, jsonl, parquet
}
