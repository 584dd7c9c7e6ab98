// Registration of the interviews commands (filled in by its issue).
import { Command } from 'commander';

export function registerInterviews(program: Command): void {
  void program;
}
