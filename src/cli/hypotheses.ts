// Registration of the hypotheses commands (filled in by its issue).
import { Command } from 'commander';

export function registerHypotheses(program: Command): void {
  void program;
}
