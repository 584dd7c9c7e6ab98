// Journal-level commands: init, config, doctor, backup, completion.
import type { Command } from 'commander';
import { lazy } from './lazy.js';

export function registerSetup(program: Command): void {
  program
    .command('init')
    .description('create the journal and set the customer-contact cadence')
    .option('--target <n>', 'customer conversations wanted per cadence period (cadence.target)')
    .option('--every <days>', 'the cadence period in days (cadence.days)')
    .addHelpText(
      'after',
      `
Examples:
  pm init                        create the journal with the defaults (1 conversation every 7 days)
  pm init --target 3 --every 7   aim for three customer conversations a week`,
    )
    .action(
      lazy(
        () => import('../commands/init.js'),
        (m) => m.init,
      ),
    );

  const config = program
    .command('config')
    .description('show or change settings (stored in the journal)')
    .addHelpText(
      'after',
      `
Examples:
  pm config                      every key with its value and default
  pm config get cadence.days
  pm config set week.start sunday
  pm config set user.name "Dana Lee"
  pm config unset user.name`,
    )
    .action(
      lazy(
        () => import('../commands/config.js'),
        (m) => m.list,
      ),
    );
  config
    .command('list')
    .description('every key, its value and its default')
    .action(
      lazy(
        () => import('../commands/config.js'),
        (m) => m.list,
      ),
    );
  config
    .command('get')
    .argument('<key>')
    .description('print one value')
    .action(
      lazy(
        () => import('../commands/config.js'),
        (m) => m.get,
      ),
    );
  config
    .command('set')
    .argument('<key>')
    .argument('<value>')
    .description('change one value (validated)')
    .action(
      lazy(
        () => import('../commands/config.js'),
        (m) => m.set,
      ),
    );
  config
    .command('unset')
    .argument('<key>')
    .description('back to the default (user.name: back to the OS user)')
    .action(
      lazy(
        () => import('../commands/config.js'),
        (m) => m.unset,
      ),
    );

  program
    .command('doctor')
    .description('check the journal: path, schema version, counts, integrity; exit 1 if unhealthy')
    .addHelpText(
      'after',
      `
Examples:
  pm doctor
  pm doctor --json | jq .healthy`,
    )
    .action(
      lazy(
        () => import('../commands/doctor.js'),
        (m) => m.doctor,
      ),
    );

  program
    .command('backup')
    .argument('[path]', 'where to write the copy (default: beside the journal, dated)')
    .description('write a consistent copy of the journal, even while it is in use')
    .addHelpText(
      'after',
      `
Examples:
  pm backup                          journal.db.backup-2026-11-22 beside the journal
  pm backup ~/Dropbox/pm-journal.db`,
    )
    .action(
      lazy(
        () => import('../commands/backup.js'),
        (m) => m.backup,
      ),
    );

  program
    .command('forget')
    .argument('<contact>', "the person's name or email")
    .option('-y, --yes', 'do not ask for confirmation (required when not at a terminal)')
    .description(
      'erase a person: name, email, the quotes of their interviews and mentions of them; the interviews stay',
    )
    .addHelpText(
      'after',
      `
Examples:
  pm forget "Jane Roe"               asks for confirmation at a terminal
  pm forget jane@acme.test --yes     in a script`,
    )
    .action(
      lazy(
        () => import('../commands/forget.js'),
        (m) => m.forget,
      ),
    );

  program
    .command('completion')
    .argument('<shell>', 'bash, zsh or fish')
    .description('print a shell completion script')
    .addHelpText(
      'after',
      `
Examples:
  pm completion bash > ~/.local/share/bash-completion/completions/pm
  pm completion zsh > "\${fpath[1]}/_pm"
  pm completion fish > ~/.config/fish/completions/pm.fish`,
    )
    .action(async (shell: string, _opts: unknown, cmd: Command) => {
      const { completion } = await import('../commands/completion.js');
      completion(shell, cmd.parent!);
    });
}
