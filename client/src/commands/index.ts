/** The generator commands. Each accepts its inputs as an argument object (then nothing is asked)
 * and returns what it produced, so tests and other extensions can drive it. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { generateChainCommand } from './chain';
import { generatePermissionsCommand } from './permissions';
import { generateTrustPolicyCommand } from './trust';

export const COMMANDS = {
  generateTrustPolicy: 'redshiftIam.generateTrustPolicy',
  generateChain: 'redshiftIam.generateChain',
  generatePermissions: 'redshiftIam.generatePermissions',
} as const;

/** Command arguments only when they are an object with `input`: a menu or key binding may pass
 * something else, and then the command asks. */
function argsOf<T extends { input: unknown }>(args: unknown): T | undefined {
  return typeof args === 'object' && args !== null && 'input' in args ? args as T : undefined;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.generateTrustPolicy, (args: unknown) => generateTrustPolicyCommand(client, argsOf(args))),
    vscode.commands.registerCommand(COMMANDS.generateChain, (args: unknown) => generateChainCommand(client, argsOf(args))),
    vscode.commands.registerCommand(COMMANDS.generatePermissions, (args: unknown) => generatePermissionsCommand(client, argsOf(args))),
  );
}
