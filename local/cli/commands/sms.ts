import type { Command } from 'commander';
import { aliyunApplications } from '../../../functions/adapters/sms/aliyun/registrationForm.ts';
import { SMS_CATALOGUE } from '../../../functions/core/messages/catalogue/entries.ts';
import { registrationProblems } from '../../../functions/core/messages/catalogue/templateProblems.ts';
import { LANGUAGES, type Language } from '../../../functions/core/registry/Language.ts';
import { CliError } from '../CliError.ts';
import { print, printJson, table } from '../output.ts';

const PROVIDERS = ['aliyun'] as const;

/** `snowops sms templates --provider aliyun`: every SMS the system sends, in the form a provider's registration takes. */
export function register(program: Command): void {
  const sms = program.command('sms').description('SMS provider tools');
  sms.command('templates')
    .description('export the SMS template catalogue for registration with a provider (one application per template and language)')
    .requiredOption('--provider <name>', `the provider: ${PROVIDERS.join(', ')}`)
    .option('--language <code>', `only this language (${LANGUAGES.join(', ')})`)
    .option('--json', 'one JSON array (for the provider\'s API or a script)')
    .action((options: { provider: string; language?: string; json?: boolean }) => {
      if (!(PROVIDERS as readonly string[]).includes(options.provider)) throw new CliError(`--provider "${options.provider}" is not one of: ${PROVIDERS.join(', ')}`, 2);
      if (options.language !== undefined && !(LANGUAGES as readonly string[]).includes(options.language)) throw new CliError(`--language "${options.language}" is not one of: ${LANGUAGES.join(', ')}`, 2);
      const problems = SMS_CATALOGUE.flatMap(registrationProblems);
      if (problems.length > 0) throw new CliError(`the catalogue cannot be registered as it is:\n${problems.join('\n')}`, 1);
      const applications = aliyunApplications(SMS_CATALOGUE, options.language ? [options.language as Language] : LANGUAGES);
      if (options.json) return printJson(applications);
      print(table(['key', 'TemplateContent', 'TemplateRule', 'Remark'], applications.map((a) => [a.key, a.TemplateContent, a.TemplateRule, a.Remark])));
      print(`${applications.length} templates (TemplateType 1, notification). Register each, then put its TemplateCode under sms.aliyun.templateCodes["<key>"] in config/<stage>.json.`);
    });
}
