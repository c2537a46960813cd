/** One problem in the content folder, located as precisely as possible. */
export interface ContentProblem {
  /** Path of the file, as given to the reader (relative to the working directory when possible). */
  file: string;
  /** 1-based line in the file. */
  line?: number;
  /** The frontmatter or YAML field, as a dotted path (`updated.0.at`). */
  field?: string;
  /** What is wrong and what is expected. */
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${where}: \`${problem.field}\` ${problem.message}` : `${where}: ${problem.message}`;
}

/** Thrown when the content folder cannot be built; lists every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`The content has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
