/** "Redshift IAM: Generate permissions for this statement": the least-privilege policy for the SQL
 * statement under the cursor, written by the server from its statement model. */
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GENERATE_PERMISSIONS, type CommandResult, type GeneratePermissionsParams, type GenerateResult, type PermissionsCommandArgs,
} from '../../../server/src/protocol';
import { sqlCursor } from './editor';
import { deliver } from './output';
import { refusal } from './trust';

export async function generatePermissionsCommand(client: LanguageClient, args?: PermissionsCommandArgs): Promise<CommandResult | undefined> {
  const { uri, position, ...values } = args?.input ?? {};
  const at = uri && position ? { uri, position } : sqlCursor();
  if (!at) return refusal('Put the cursor in a COPY, UNLOAD, CREATE EXTERNAL SCHEMA, CREATE EXTERNAL FUNCTION, CREATE LIBRARY or CREATE MODEL statement of a SQL editor first.');
  const params: GeneratePermissionsParams = { ...at, ...values };
  const result = await client.sendRequest<GenerateResult>(GENERATE_PERMISSIONS, params);
  if (!result.ok) return refusal(result.problem);
  return deliver(result.documents, args?.output, !args);
}
