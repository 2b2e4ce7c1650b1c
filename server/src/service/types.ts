/** What rules produce: offsets into the document text, turned into LSP ranges once, in diagnostics.ts. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit { offset: number; length: number; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (VS Code's preferred quick fix). */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  offset: number;
  length: number;
  message: string;
  fixes?: Fix[];
  /** Shown faded in the editor, as VS Code does for unused code. */
  unnecessary?: boolean;
}

export type Report = (finding: Omit<Finding, 'rule'>) => void;

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
}
