// What a person does in VS Code, as playwright-core calls on code-server's workbench in Debian
// Chromium: run a command from the palette, answer a quick pick or input box, select code, chat.
// Selectors are VS Code 1.139's own DOM classes and ARIA labels (checked in code-server 4.139.1).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

const QUICK_INPUT = '.quick-input-widget';
const CHAT_INPUT = '.interactive-input-part';
const CHAT_RESPONSE = '.interactive-item-container.interactive-response';
/** How playwright and this rig say that the quick input being answered has gone away. */
const QUICK_INPUT_LOST =
  /element is inert|element is not visible|locator resolved to hidden|dialog closed before/;

export class Workbench {
  /** @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page */
  constructor(browser, page, screenshotsDir) {
    this.browser = browser;
    this.page = page;
    this.screenshotsDir = screenshotsDir;
  }

  /** Opens code-server at `url` and waits until the workbench is ready. */
  static async open(url, { screenshotsDir }) {
    mkdirSync(screenshotsDir, { recursive: true });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url, { timeout: 60_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });
    return new Workbench(browser, page, screenshotsDir);
  }

  async close() {
    await this.browser.close().catch(() => {});
  }

  async screenshot(name) {
    const file = path.join(this.screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The whole workbench's visible text: what a person can read right now. */
  visibleText() {
    return this.page.locator('.monaco-workbench').innerText();
  }

  // ---- command palette, quick picks, input boxes ----

  /** Runs a command by its palette label, e.g. `Switchboard: Select Model`. */
  async command(label) {
    await this.dismissQuickInput();
    await this.page.keyboard.press('F1');
    const input = await this.quickInputBox();
    await input.fill(`>${label}`, { timeout: 5000 });
    // The first row is the best match; wait until it is this command, then take it.
    const first = this.page.locator(`${QUICK_INPUT} [role=option]`).first();
    await first.filter({ hasText: label }).waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    // The palette closes, or the command's own quick pick replaces it: wait for either.
    await this.until(
      async () => !(await input.isVisible()) || !(await input.inputValue()).startsWith('>'),
      10_000,
      `the palette to run "${label}"`,
    );
  }

  async quickInputBox() {
    const input = this.page.locator(`${QUICK_INPUT} input`).first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    return input;
  }

  /** The title or prompt of the open quick input (a quick pick or an input box). */
  async quickInputText() {
    const widget = this.page.locator(QUICK_INPUT);
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    return widget.innerText();
  }

  /** The rows of the open quick pick, as shown. */
  async quickPickRows() {
    const rows = this.page.locator(`${QUICK_INPUT} [role=option]`);
    await rows.first().waitFor({ timeout: 15_000 });
    return rows.allInnerTexts();
  }

  /**
   * Picks a row of the open quick pick the way a keyboard user does: types `text` to filter (the
   * list is virtual), waits until the filtered list stops changing, moves to the row whose label is
   * `text` (else the first row containing it) and presses Enter. Clicks are avoided: filtering
   * moves rows under the pointer.
   */
  async pick(text) {
    await (await this.quickInputBox()).fill(text, { timeout: 5000 });
    const rows = this.page.locator(`${QUICK_INPUT} [role=option]`);
    const labels = () =>
      rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('aria-label') ?? ''));
    let previous = null;
    let current = [];
    await this.until(
      async () => {
        current = await labels();
        const settled = JSON.stringify(current) === JSON.stringify(previous);
        previous = current;
        if (!settled) await this.page.waitForTimeout(200);
        return settled && current.some((label) => label.includes(text));
      },
      15_000,
      `a row with "${text}" in the quick pick`,
    );
    const exact = current.findIndex((label) => label === text || label.startsWith(`${text},`));
    const index = exact >= 0 ? exact : current.findIndex((label) => label.includes(text));
    // The first row has the focus after filtering.
    for (let step = 0; step < index; step++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    // Taken once the quick pick closes or gives way to the next step (whose box no longer reads `text`).
    const input = this.page.locator(`${QUICK_INPUT} input`).first();
    await this.until(
      async () => !(await input.isVisible()) || (await input.inputValue()) !== text,
      10_000,
      `the quick pick to take "${text}"`,
    );
  }

  /** Types into the open input box (or a quick pick's filter) and presses Enter. */
  async answer(text) {
    const input = await this.quickInputBox();
    await input.fill(text, { timeout: 5000 });
    await this.page.keyboard.press('Enter');
  }

  /** VS Code's own "Open File" dialog in code-server: a quick input taking a path. */
  async chooseFile(file) {
    const input = await this.quickInputBox();
    // The dialog fills in its starting folder a moment after it opens; typing before that is lost.
    await this.until(
      async () => (await input.inputValue()).endsWith('/'),
      10_000,
      'the file dialog to show a folder',
    );
    // It also rewrites the box while it lists a folder: type again until the path stays put.
    await this.until(
      async () => {
        if (await input.isHidden()) throw new Error(`The file dialog closed before ${file} was chosen.`);
        if ((await input.inputValue()) !== file) await input.fill(file, { timeout: 2000 });
        await this.page.waitForTimeout(500);
        return (await input.inputValue()) === file;
      },
      15_000,
      `the file dialog to keep ${file}`,
    );
    // Its list follows the typed path; accept with the dialog's own button once it has caught up.
    await this.page
      .locator(`${QUICK_INPUT} [role=option]`)
      .filter({ hasText: path.basename(file) })
      .first()
      .waitFor({ timeout: 10_000 });
    await this.page.locator(`${QUICK_INPUT} .monaco-button`).first().click();
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Polls `condition` every 100 ms until it holds; throws after `timeout` ms naming what was awaited. */
  async until(condition, timeout, what) {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeout)
        throw new Error(`Timed out after ${timeout} ms waiting for ${what}.`);
      await this.page.waitForTimeout(100);
    }
  }

  async dismissQuickInput() {
    if (await this.page.locator(QUICK_INPUT).isVisible()) await this.page.keyboard.press('Escape');
  }

  /**
   * Runs `steps`, which open a quick input and answer it. In code-server the workbench now and then
   * takes the focus (or turns inert) for a moment, and the quick input closes under the test, before
   * anything was chosen; then this dismisses what is left and runs `steps` again, at most three
   * times, saying so on stderr. Any other failure is thrown as it is.
   */
  async retryingQuickInput(what, steps) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await steps();
      } catch (error) {
        if (attempt === 3 || !QUICK_INPUT_LOST.test(String(error?.message))) throw error;
        const reason = String(error.message).split('\n')[0];
        console.warn(
          `e2e: the quick input of ${what} closed under the test (${reason}); again, attempt ${attempt + 1}.`,
        );
        await this.dismissQuickInput();
        await this.page.waitForTimeout(500);
      }
    }
  }

  // ---- editors ----

  /** Opens a workspace file with Quick Open (Ctrl+P). */
  openFile(relativePath) {
    return this.retryingQuickInput(`Quick Open (${relativePath})`, () => this.quickOpen(relativePath));
  }

  async quickOpen(relativePath) {
    await this.dismissQuickInput();
    await this.page.keyboard.press('ControlOrMeta+P');
    const input = await this.quickInputBox();
    await input.fill(relativePath, { timeout: 5000 });
    await this.page
      .locator(`${QUICK_INPUT} [role=option]`)
      .filter({ hasText: path.basename(relativePath) })
      .first()
      .waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.page
      .locator(`.tab.active[aria-label^="${path.basename(relativePath)}"]`)
      .waitFor({ timeout: 15_000 });
  }

  /** Selects lines `from`..`to` (1-based, inclusive) of the active editor: click a line number, Shift+click another. */
  async selectLines(from, to) {
    const lineNumber = (line) =>
      this.page
        .locator('.editor-group-container.active .margin-view-overlays .line-numbers')
        .getByText(String(line), { exact: true });
    await lineNumber(from).click();
    await lineNumber(to).click({ modifiers: ['Shift'] });
    await this.page
      .locator('.part.statusbar')
      .getByText(/selected\)/)
      .waitFor({ timeout: 5000 });
  }

  /** The text of the editor whose tab is active. */
  activeEditorText() {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  }

  /** The text shown by the editor group whose active tab's title contains `title` ('' when none). */
  async editorTextTitled(title) {
    const group = this.page
      .locator('.editor-group-container')
      .filter({ has: this.page.locator('.tab.active', { hasText: title }) })
      .first();
    if ((await group.count()) === 0) return '';
    return group.locator('.monaco-editor .view-lines').first().innerText();
  }

  /** Saves the active editor with Ctrl+S, as a person would, and waits until its tab is no longer dirty. */
  async saveActiveEditor() {
    await this.page.keyboard.press('ControlOrMeta+S');
    await this.page
      .locator('.editor-group-container.active .tab.active.dirty')
      .waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Closes the editor whose tab title contains `title` with the tab's own close button. */
  async closeEditor(title) {
    const tab = this.page.locator('.tab', { hasText: title }).first();
    await tab.hover();
    await tab.locator('.tab-actions [role=button], .tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached', timeout: 10_000 });
  }

  activeTabTitle() {
    return this.page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label');
  }

  statusBarText() {
    return this.page.locator('.part.statusbar').innerText();
  }

  // ---- notifications ----

  /** Clears every notification: a toast that appears while a quick input is open takes its focus and closes it. */
  async clearNotifications() {
    await this.command('Notifications: Clear All Notifications');
    await this.page.waitForTimeout(300);
  }

  /** Waits for a notification toast whose message matches `pattern`; returns its locator. */
  async notification(pattern, timeout = 30_000) {
    const toast = this.page.locator('.notification-toast').filter({ hasText: pattern }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast;
  }

  // ---- chat ----

  /** Waits until Switchboard's status bar item shows: the extension has activated. */
  async switchboardActive() {
    // VS Code gives an extension's status bar item the id `<extension id>.<item id>`.
    await this.page
      .locator('.statusbar-item[id="switchboard.switchboard-vscode.switchboard.model"]')
      .waitFor({ timeout: 60_000 });
  }

  async openChat() {
    await this.switchboardActive();
    await this.command('Chat: Open Chat');
    await this.page.locator(`${CHAT_INPUT} .monaco-editor`).last().waitFor({ timeout: 20_000 });
  }

  modelPickerButton() {
    return this.page.locator(`${CHAT_INPUT} [role=button][aria-label^="Models"]`).last();
  }

  /**
   * Opens VS Code's model picker, types `search` into its search box when it has one, and returns
   * the names it lists. On a fresh profile without Copilot, VS Code lists other vendors' models only
   * after its Language Models editor has been opened once, as a person would by clicking "Manage
   * Models…"; this does the same when the picker shows nothing but "Auto", or nothing like `search`.
   */
  async openModelPicker(search) {
    const rows = this.page.locator('.context-view [role=option]:visible');
    const matches = (name) => name.toLowerCase().includes(search.toLowerCase());
    let names = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await this.dismissQuickInput();
      if ((await rows.count()) > 0) await this.page.keyboard.press('Escape');
      await this.modelPickerButton().click();
      await rows.first().waitFor({ timeout: 15_000 });
      const searchBox = this.page.locator('.context-view input[placeholder="Search models"]');
      if (search && (await searchBox.count()) > 0) await searchBox.fill(search);
      await this.page.waitForTimeout(300);
      // Once more than a few models exist, VS Code folds the rest under "Other Models".
      const folded = rows.filter({ hasText: /^\s*Other Models/ }).first();
      if ((await folded.count()) > 0 && (await folded.getAttribute('aria-expanded')) !== 'true') {
        await folded.click();
        await this.page.waitForTimeout(300);
      }
      names = await this.modelPickerNames();
      const listed = names.filter((name) => name !== 'Auto' && !name.startsWith('Manage Models'));
      if (search ? names.some(matches) : listed.length > 0) return names;
      await this.page.keyboard.press('Escape');
      await this.modelPickerButton().click();
      await rows.filter({ hasText: 'Manage Models' }).first().click();
      const editor = this.page.locator('.monaco-modal-editor-block');
      await editor.waitFor({ timeout: 15_000 });
      await editor
        .getByText('Switchboard', { exact: false })
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => {});
      await this.page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached', timeout: 10_000 });
      await this.page.waitForTimeout(500);
    }
    throw new Error(
      `The model picker lists ${names.join(', ')}; expected ${search ?? 'models besides Auto'}.`,
    );
  }

  modelPickerNames() {
    return this.page
      .locator('.context-view [role=option]:visible')
      .evaluateAll((rows) =>
        rows.map((row) => (row.querySelector('.title')?.textContent ?? '').trim()).filter(Boolean),
      );
  }

  /** Picks the model named `name` in VS Code's chat model picker, else the first whose name contains it (any case). */
  async pickModel(name) {
    const names = await this.openModelPicker(name);
    const wanted = name.toLowerCase();
    const exact = names.findIndex((title) => title.toLowerCase() === wanted);
    const index = exact >= 0 ? exact : names.findIndex((title) => title.toLowerCase().includes(wanted));
    if (index < 0) throw new Error(`No model matching ${name} in the picker: ${names.join(', ')}`);
    const rows = this.page
      .locator('.context-view [role=option]:visible')
      .filter({ has: this.page.locator('.title') });
    await rows.nth(index).click();
    await this.page.waitForTimeout(300);
    return this.modelPickerButton().getAttribute('aria-label');
  }

  /** Sends `prompt` from the chat input and waits until the answer stops changing. */
  async chat(prompt, { timeout = 90_000 } = {}) {
    const responses = this.page.locator(CHAT_RESPONSE);
    // The list is virtualized (rows are recycled), so neither counting rows nor keeping the last
    // row is reliable: a new answer is a last row that is another element or reads differently.
    const previous = (await responses.count()) > 0 ? await responses.last().elementHandle() : null;
    const previousText = previous ? await previous.innerText() : '';
    await this.page.locator(`${CHAT_INPUT} .monaco-editor`).last().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(prompt, { delay: 5 });
    // A slash command or @mention opens a suggestion list; Escape closes it and keeps the text.
    await this.page.keyboard.press('Escape');
    await this.page.locator(`${CHAT_INPUT} [role=button][aria-label^="Send"]`).last().click();
    const started = Date.now();
    const isPrevious = () =>
      responses
        .last()
        .evaluate(
          (element, [old, oldText]) => element === old && element.innerText === oldText,
          [previous, previousText],
        );
    while (previous && (await isPrevious())) {
      if (Date.now() - started > 30_000) throw new Error(`No answer to "${prompt}" appeared within 30 s.`);
      await this.page.waitForTimeout(200);
    }
    await responses.last().waitFor({ timeout: 30_000 });
    return this.settledResponse(responses.last(), timeout);
  }

  /** The last chat answer once it has stopped streaming: its text and its locator. */
  async settledResponse(response, timeout) {
    const started = Date.now();
    let last = '';
    let stableSince = Date.now();
    while (Date.now() - started < timeout) {
      const text = await response.innerText().catch(() => '');
      const loading = await response
        .evaluate(
          (element) =>
            element.classList.contains('chat-response-loading') ||
            !!element.querySelector('.chat-response-loading'),
        )
        .catch(() => true);
      if (text !== last) {
        last = text;
        stableSince = Date.now();
      } else if (!loading && text && Date.now() - stableSince > 1500) {
        return { text, element: response };
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`The chat answer did not settle within ${timeout / 1000} s; it reads:\n${last}`);
  }
}
