// The extension as a person uses it: the packaged .vsix installed into code-server, the examples/
// workspace open in Chromium, and every step done with the keyboard and mouse. Each step waits
// for what the workbench shows and leaves a screenshot in test-results/ui/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EXAMPLES, REPO, VSIX, ensureEditorTools, launchBrowser, packageExtension, startCodeServer, workbenchUrl,
} from '../../scripts/editor/code-server.mjs';

const SCREENSHOTS = path.join(REPO, 'test-results', 'ui');
const QUICK_INPUT = '.quick-input-widget';
const ACTIVE_EDITOR_LINES = '.editor-group-container.active .monaco-editor .view-lines';
/** Milliseconds between keys typed into an editor: about ten keys a second, as a person types. */
const TYPING_DELAY_MS = 100;

let server;
let browser;
let page;

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function screenshot(name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The text of the active editor, with the editor's non-breaking spaces made plain (patterns
 * matched against the page itself use \s for them). */
async function activeEditorText() {
  return (await page.locator(ACTIVE_EDITOR_LINES).innerText()).replace(/\u00a0/g, ' ');
}

async function waitForActiveEditorText(pattern) {
  await page.locator(ACTIVE_EDITOR_LINES).filter({ hasText: pattern }).waitFor();
}

/** The row of the open quick input whose label is exactly `label`. */
function quickInputRow(label) {
  return page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
}

async function quickOpen(fileName) {
  await page.keyboard.press('Control+P');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill(fileName);
  await quickInputRow(fileName).first().click();
  await page.locator(`.tabs-container .tab[data-resource-name="${fileName}"]`).waitFor();
}

/** Fills an input and waits until it holds the text. In one of eleven runs, a fill() of the Problems panel's
 * filter left its previous text in place: the fill is then made again. */
async function fillAndCheck(input, text) {
  for (let attempt = 1; ; attempt++) {
    await input.fill(text);
    for (const started = Date.now(); Date.now() - started < 2_000; await page.waitForTimeout(100)) {
      if ((await input.inputValue()) === text) return;
    }
    if (attempt === 3) assert.fail(`the input holds "${await input.inputValue()}", not "${text}"`);
  }
}

/** Runs a command by its exact title from the command palette (Enter would run the first fuzzy match). */
async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill(`>${title}`);
  await quickInputRow(title).click();
}

/** Waits for the prompt of an input box or the placeholder of a quick pick, then returns its input. */
async function prompt(text) {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await page.locator(`${QUICK_INPUT}:visible`).filter({ hasText: text }).or(page.locator(`${QUICK_INPUT} .quick-input-box input[placeholder^="${text}"]`)).first().waitFor();
  return input;
}

/** Ticks these rows of a multi-select quick pick (a click on the label toggles the row's checkbox). */
async function check(labels) {
  for (const label of labels) {
    await quickInputRow(label).locator('.label-name').first().click();
    await quickInputRow(label).and(page.locator('[aria-checked="true"]')).waitFor();
  }
}

/** A new untitled editor in `languageName` mode (as picked in "Change Language Mode"). */
async function newUntitled(languageName) {
  await page.keyboard.press('Control+N');
  await page.locator('.tabs-container .tab.active[data-resource-name^="Untitled-"]').waitFor();
  await runCommand('Change Language Mode');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill(languageName);
  await quickInputRow(languageName).click();
  await page.locator('[id="status.editor.mode"]').filter({ hasText: exactly(languageName) }).waitFor();
}

/** A test that leaves a screenshot named after it when it fails, to show what the workbench showed instead. */
function step(title, shot, fn) {
  it(title, async (t) => {
    try {
      await fn(t);
    } catch (error) {
      await screenshot(`${shot}-FAILED`).catch(() => {});
      throw error;
    }
  });
}

describe('Redshift IAM in VS Code, as a user', () => {
  before(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureEditorTools();
    packageExtension();
    server = await startCodeServer({ workspace: EXAMPLES, vsix: VSIX });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(workbenchUrl(server, EXAMPLES));
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('lists the problems of the faulty trust policy and the faulty SQL in the Problems panel', '01-problems', async () => {
    await quickOpen('faulty-trust.json');
    await quickOpen('faulty.sql');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    for (const file of ['faulty-trust.json', 'faulty.sql']) await rows.filter({ hasText: file }).first().waitFor();
    await runCommand('View: Toggle Maximized Panel');
    // Each problem row shows the message, the source (redshift-iam) and the rule id, which links to its page.
    // The list draws only the rows in view, so each rule is looked up through the panel's filter, as a
    // person would in a long list: a small window or a panel left unmaximized then still shows it.
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
    const expected = {
      'invalid-arn': /Missing account ID/,
      'service-principal': /did you mean "redshift\.amazonaws\.com"/,
      'iam-role-arn': /has 13 digits/,
      'iam-role-chain': /must not contain spaces/,
      'credentials-string': /Stray "<"/,
      'plaintext-secret': /Plain-text AWS access keys/,
      'typographic-quotes': /Typographic quotes/,
      'iam-role-placeholder': /placeholder/,
      'iam-role-default': /COPY JOB does not accept default/,
      'encryption-options': /KMS_KEY_ID needs ENCRYPTED/,
      'client-side-encryption': /Client-side encryption ended/,
    };
    for (const [rule, message] of Object.entries(expected)) {
      await fillAndCheck(filter, rule);
      await rows.filter({ has: page.locator('.marker-code', { hasText: exactly(rule) }) }).filter({ has: page.locator('.marker-message', { hasText: message }) }).waitFor();
    }
    await fillAndCheck(filter, '');
    await rows.filter({ hasText: 'faulty-trust.json' }).first().waitFor();
    await screenshot('01-problems');
    await runCommand('View: Toggle Maximized Panel');
  });

  step('completes "s3:Get in an Action value with s3:GetObject', '02-completion-s3-get', async () => {
    await newUntitled('JSON');
    await page.locator(ACTIVE_EDITOR_LINES).click();
    // insertText puts the start of a policy in at once; the Action value is then typed key by key.
    await page.keyboard.insertText('{\n"Version": "2012-10-17",\n"Statement": [\n{\n"Effect": "Allow",\n"Resource": "*",\n"Action": ');
    // At a person's pace: keys sent with no pause at all can outrun the suggest widget's requests.
    await page.keyboard.type('"s3:Get', { delay: TYPING_DELAY_MS });
    const suggestions = page.locator('.suggest-widget.visible .monaco-list-row');
    // The widget opens while typing: the server does not take the new file for no policy because it was
    // empty when last checked (the check waits for a pause in the typing).
    await suggestions.first().filter({ has: page.locator('.label-name', { hasText: /^s3:Get/ }) }).waitFor();
    await screenshot('02-completion-s3-get');
    // The list is long and only its visible rows exist in the page: narrow it as a user would.
    await page.keyboard.type('Obj', { delay: TYPING_DELAY_MS });
    const getObject = suggestions.filter({ has: page.locator('.label-name', { hasText: exactly('s3:GetObject') }) });
    await getObject.waitFor();
    await screenshot('03-completion-s3-getobject');
    await getObject.click();
    await waitForActiveEditorText(/"Action":\s"s3:GetObject"/);
  });

  step('generates a restricted trust policy from the command palette', '04-trust-policy', async () => {
    await runCommand('Redshift IAM: Generate restricted trust policy');
    await (await prompt('AWS account ID')).fill('123456789012');
    await page.keyboard.press('Enter');
    await prompt('Which Amazon Redshift deployment uses the role?');
    await quickInputRow('Provisioned cluster').click();
    await (await prompt('Regions the role is used in')).fill('us-west-2');
    await check(['us-west-2']);
    await page.keyboard.press('Enter');
    await prompt('Restrictions and extra principals');
    await check(['Restrict to database users', 'Restrict to one cluster']);
    await screenshot('04-trust-policy-restrictions');
    await page.keyboard.press('Enter');
    await (await prompt('Cluster identifier')).fill('analytics-cluster');
    await page.keyboard.press('Enter');
    await (await prompt('Database users allowed to use the role')).fill('etl_user, report_user');
    await page.keyboard.press('Enter');
    await prompt('Where should the generated documents go?');
    await quickInputRow('Open in a new editor').click();
    await page.locator('.tabs-container .tab.active[data-resource-name="analytics-cluster.trust.json"]').waitFor();
    await waitForActiveEditorText(/dbuser:analytics-cluster\/report_user/);
    const text = await activeEditorText();
    assert.match(text, /"sts:ExternalId"/);
    assert.match(text, /"aws:SourceArn": "arn:aws:redshift:us-west-2:123456789012:cluster:analytics-cluster"/);
    await screenshot('05-trust-policy-generated');
  });

  step('inserts the Redshift trust policy snippet', '06-snippet', async () => {
    await newUntitled('JSON');
    await page.locator(ACTIVE_EDITOR_LINES).click();
    await page.keyboard.type('redshift-trust', { delay: TYPING_DELAY_MS });
    const snippet = page.locator('.suggest-widget.visible .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly('redshift-trust') }) });
    await snippet.waitFor();
    await screenshot('06-snippet-offered');
    await snippet.click();
    await waitForActiveEditorText(/"Service":\s"redshift\.amazonaws\.com"/);
    assert.match(await activeEditorText(), /"Action": "sts:AssumeRole"/);
    await screenshot('07-snippet-inserted');
  });
});
