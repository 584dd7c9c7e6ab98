// Registration of the exchange commands (filled in by its issue).
import { Command } from 'commander';

export function registerExchange(program: Command): void {
  void program;
}
