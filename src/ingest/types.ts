import type { Diagnostic, DocDateSource, SourceFormat, SourceSegment } from '../doc.js';

/** What an ingester makes of one source document. */
export interface IngestedDoc {
  /** Stable id seed: the source path relative to the corpus root, or the JSONL record id. */
  key: string;
  path: string;
  format: SourceFormat;
  /** The source exactly as read (for the content hash), decoded: offsets count in this text. */
  source: string;
  /** The encoding the file was read in, when not UTF-8 (`utf-16le`, `windows-1252`…). */
  encoding?: string;
  /** 1-based line, for a document that is one line of a JSONL file. */
  line?: number;
  text: string;
  segments: SourceSegment[];
  title: string | null;
  date: { value: string | null; source: DocDateSource };
  meta?: Record<string, string>;
  diagnostics: Diagnostic[];
}
