// Registration of the report commands (filled in by its issue).
import { Command } from 'commander';

export function registerReport(program: Command): void {
  void program;
}
