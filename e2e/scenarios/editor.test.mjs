// Switchboard in a real VS Code: the packaged .vsix in code-server, driven like a person would in
// Chromium. One session, in the order a new user meets the features: no key yet (scenario 8 of
// issue 6 comes first because a fresh install starts there), keys set through the UI, then chat,
// actions, images, a local model and a third-party plugin. Every check reads what is on screen;
// the fake servers' records confirm what went over the wire.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG_BASE64 } from '../rig/fakes.mjs';
import { ensureCodeServer } from '../rig/install-code-server.mjs';
import { screenshotsDir } from '../rig/paths.mjs';
import { startSession } from '../rig/session.mjs';
import { packCoherePlugin } from '../rig/third-party-plugin.mjs';
import { Workbench } from '../rig/workbench.mjs';

/** @type {Awaited<ReturnType<typeof startSession>>} */
let session;
/** @type {Workbench} */
let workbench;

const FOOTER =
  /answered by (\S+)(?: \(fallback from (\S+)\))? · (\$[\d.]+|free|price unknown) · [\d.]+[KM]? in \/ [\d.]+[KM]? out tokens/;
/** A JavaScript call frame, as a stack trace would show it. */
const STACK_FRAME = /\bat .+\((?:file:|\/).+:\d+:\d+\)|\bat (?:file:|\/)\S+:\d+:\d+/;

/** Text without whitespace: an editor shows long lines wrapped, and a wrap may fall inside a word. */
const squeeze = (text) => text.replace(/\s+/g, '');

/** Set API Key from the palette: pick the provider, type the key, see it saved. */
async function setApiKey(provider, key) {
  await workbench.retryingQuickInput('Set API Key', async () => {
    await workbench.command('Switchboard: Set API Key');
    await workbench.pick(provider);
    await workbench.answer(key);
  });
  await workbench.notification(new RegExp(`key saved for ${provider}`));
  // The toast sits over the chat's model picker; a person would close it.
  await workbench.clearNotifications();
}

/** A scenario whose failure leaves a screenshot and the extension's log in the error. */
function scenario(title, run) {
  it(title, async () => {
    try {
      await run();
    } catch (error) {
      const slug = title
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()
        .slice(0, 60);
      await workbench?.screenshot(`failed-${slug}`).catch(() => {});
      const log = session?.switchboardLog() ?? '';
      writeFileSync(path.join(screenshotsDir, `failed-${slug}.log`), log);
      error.message += `\n--- screenshot: e2e/screenshots/failed-${slug}.png; Switchboard log (last lines; all of it in failed-${slug}.log) ---\n${log.split('\n').slice(-25).join('\n')}`;
      throw error;
    }
  });
}

beforeAll(async () => {
  ensureCodeServer({ browser: true });
  session = await startSession({ name: 'e2e' });
  workbench = await Workbench.open(session.url, { screenshotsDir });
});

afterAll(async () => {
  await workbench?.close();
  await session?.stop();
});

describe('Switchboard in code-server (VS Code 1.139)', () => {
  scenario(
    '8. with no key configured, the chat asks for one (not a stack trace) and the key is set from there',
    async () => {
      // A fresh install with nothing usable greets with the walkthrough, a few seconds after start.
      const welcome = workbench.page.locator('.gettingStartedContainer');
      await welcome.getByText('Get started with Switchboard').first().waitFor({ timeout: 60_000 });
      await expect(welcome.getByText('Connect a provider').first().isVisible()).resolves.toBe(true);
      await workbench.screenshot('walkthrough');
      // Closed as a person would who goes to the chat instead. (While VS Code's walkthrough page
      // has the focus, it takes the focus back from any quick input opened from the keyboard.)
      await workbench.closeEditor('Welcome');

      // The very first message, before anyone opened the model picker.
      await workbench.openChat();
      const answer = await workbench.chat('@switchboard hello');
      expect(answer.text).toContain('No model is set up yet');
      expect(answer.text).not.toMatch(STACK_FRAME);
      const setKey = answer.element.getByRole('button', { name: 'Set API Key' });
      await expect(setKey.isVisible()).resolves.toBe(true);
      await workbench.screenshot('no-key');
      // VS Code's own picker says the same thing.
      expect(await workbench.openModelPicker('set up a model')).toContain('Switchboard: set up a model');
      await workbench.page.keyboard.press('Escape');

      await workbench.retryingQuickInput('Set API Key (from the chat)', async () => {
        await setKey.click();
        const providers = await workbench.quickPickRows();
        expect(providers.join('\n')).toMatch(/OpenAI[\s\S]*Anthropic|Anthropic[\s\S]*OpenAI/);
        await workbench.pick('OpenAI');
        expect(await workbench.quickInputText()).toMatch(/OpenAI API key/);
        await workbench.screenshot('set-key');
        await workbench.answer('sk-e2e-openai-key');
      });
      await workbench.notification(/key saved for OpenAI/);
      // The key was checked against the provider's model list, with the key as a bearer token.
      const check = session.fakes.openai.requests.find((request) => request.path === '/v1/models');
      expect(check?.headers.authorization).toBe('Bearer sk-e2e-openai-key');

      await setApiKey('Anthropic', 'sk-ant-e2e-key');
      expect(session.switchboardLog()).not.toContain('sk-e2e-openai-key');
    },
  );

  scenario(
    "1. a Switchboard model picked in VS Code's model picker streams its answer in the Chat view",
    async () => {
      session.fakes.answerWith('Streaming works: this answer came word by word from the OpenAI wire format.');
      // Every set-up provider's models are offered; pick OpenAI's small one.
      expect(await workbench.openModelPicker('Claude Haiku 5.5')).toContain('Claude Haiku 5.5');
      await workbench.pickModel('gpt-4o-mini');

      const answer = await workbench.chat('Say hello in one sentence.');
      expect(answer.text).toContain(
        'Streaming works: this answer came word by word from the OpenAI wire format.',
      );
      const request = session.fakes.openai.lastChatRequest();
      expect(request).toMatchObject({ model: 'gpt-4o-mini', stream: true });
      expect(JSON.stringify(request.messages)).toContain('Say hello in one sentence.');
      await workbench.screenshot('chat-model-picker');
    },
  );

  scenario('2. @switchboard /explain on a selection answers with the model and cost footer', async () => {
    await workbench.openFile('src/cart.js');
    await workbench.selectLines(8, 14);
    session.fakes.answerWith('`total` multiplies each price by its quantity and adds them up.');
    const answer = await workbench.chat('@switchboard /explain');
    expect(answer.text).toContain('`total` multiplies each price'.replaceAll('`', ''));
    const footer = FOOTER.exec(answer.text);
    expect(footer?.[1]).toBe('openai/gpt-4o-mini');
    expect(footer?.[3]).toMatch(/^\$/);
    // The selection, not the whole file, went to the model.
    const sent = JSON.stringify(session.fakes.openai.lastChatRequest().messages);
    expect(sent).toContain('export function total(cart)');
    expect(sent).not.toContain('applyDiscount');
    await workbench.screenshot('explain-chat');
  });

  scenario(
    '3. when the primary provider answers 503, the fallback answers and the footer says so',
    async () => {
      session.fakes.openai.setDefaultReply({
        kind: 'error',
        status: 503,
        message: 'The server is overloaded.',
      });
      session.fakes.anthropic.setDefaultReply({
        text: 'Anthropic answered instead: it returns the discounted total.',
      });
      try {
        const answer = await workbench.chat('@switchboard what does applyDiscount return?');
        expect(answer.text).toContain('Anthropic answered instead: it returns the discounted total.');
        const footer = FOOTER.exec(answer.text);
        expect(footer?.slice(1, 3)).toEqual(['anthropic/claude-haiku-5-5', 'openai/gpt-4o-mini']);
        await workbench.screenshot('fallback');
      } finally {
        session.fakes.answerWith('');
      }
      expect(session.switchboardLog()).toMatch(/fallback|Fallback/);
    },
  );

  scenario(
    '4. command palette: Select Model, then Explain Selection streams into a side document',
    async () => {
      await workbench.retryingQuickInput('Select Model', async () => {
        await workbench.command('Switchboard: Select Model');
        expect(await workbench.quickInputText()).toMatch(/Select Model/);
        await workbench.screenshot('select-model');
        await workbench.pick('Claude Sonnet 5.5');
      });
      await expect
        .poll(() => workbench.statusBarText(), { timeout: 10_000 })
        .toMatch(/Claude Sonnet 5.5|claude-sonnet-5-5/);

      session.fakes.answerWith('EXPLANATION: addItem appends an item to the cart and returns the cart.');
      await workbench.openFile('src/cart.js');
      await workbench.selectLines(3, 6);
      await workbench.command('Switchboard: Explain Selection');
      const explanation = async () => squeeze(await workbench.editorTextTitled('Explanation of cart.js 3-6'));
      await expect
        .poll(explanation, { timeout: 30_000 })
        .toContain(squeeze('EXPLANATION: addItem appends an item to the cart'));
      await expect
        .poll(explanation, { timeout: 10_000 })
        .toContain(squeeze('answered by anthropic/claude-sonnet-5-5'));
      expect(session.fakes.anthropic.lastChatRequest().model).toBe('claude-sonnet-5-5');
      await workbench.screenshot('explain-selection');
    },
  );

  scenario(
    '4b. Fix Selection proposes a diff, and Accept Proposed Change writes it into the file',
    async () => {
      session.fakes.answerWith(
        'Prices may be strings; convert them:\n\n```javascript\nexport function total(cart) {\n' +
          '  let sum = 0;\n  for (const item of cart.items) {\n    sum = sum + Number(item.price) * item.quantity;\n' +
          '  }\n  return sum;\n}\n```\n',
      );
      await workbench.openFile('src/cart.js');
      await workbench.selectLines(8, 14);
      await workbench.command('Switchboard: Fix Selection');
      // The proposal opens as a diff; accepting it is a command that exists only while one is shown.
      await workbench.page.locator('.monaco-diff-editor').first().waitFor({ timeout: 30_000 });
      await workbench.screenshot('fix-diff');
      await workbench.command('Switchboard: Accept Proposed Change');
      // The file is shown with the change, and nothing asks whether to save it.
      await expect.poll(() => workbench.activeTabTitle(), { timeout: 10_000 }).toMatch(/^cart\.js(?!.*↔)/);
      await expect(workbench.page.locator('.monaco-dialog-box').isVisible()).resolves.toBe(false);
      await workbench.saveActiveEditor();
      const file = path.join(session.workspace, 'src/cart.js');
      await expect
        .poll(() => readFileSync(file, 'utf8'), { timeout: 10_000 })
        .toContain('sum = sum + Number(item.price) * item.quantity;');
      // Only the selected function changed.
      expect(readFileSync(file, 'utf8')).toContain('return total(cart) - total(cart) * (percent / 100);');
    },
  );

  scenario(
    '5. Generate Image writes a picture into the workspace, and Describe Image answers about it',
    async () => {
      session.fakes.answerWith('A lighthouse at dawn, drawn as a single pixel.');
      await workbench.retryingQuickInput('Generate Image', async () => {
        await workbench.command('Switchboard: Generate Image');
        await workbench.answer('a lighthouse at dawn');
        await workbench.pick('Generate with the defaults');
      });
      const image = path.join(session.workspace, 'images', 'a-lighthouse-at-dawn-1.png');
      await expect.poll(() => existsSync(image), { timeout: 30_000 }).toBe(true);
      expect(readFileSync(image).toString('base64')).toBe(TINY_PNG_BASE64);
      await workbench.notification(/a-lighthouse-at-dawn-1\.png/);
      await workbench.screenshot('generate-image');

      await workbench.clearNotifications();
      await workbench.retryingQuickInput('Describe Image', async () => {
        await workbench.command('Switchboard: Describe Image');
        await workbench.chooseFile(image);
      });
      const description = async () =>
        squeeze(await workbench.editorTextTitled('a-lighthouse-at-dawn-1.png.md'));
      await expect
        .poll(description, { timeout: 30_000 })
        .toContain(squeeze('A lighthouse at dawn, drawn as a single pixel.'));
      await expect
        .poll(description, { timeout: 10_000 })
        .toContain(squeeze('answered by anthropic/claude-sonnet-5-5'));
      // The picture itself went to the vision model, byte for byte.
      const [question] = session.fakes.anthropic.lastChatRequest().messages;
      expect(question.images).toEqual([{ base64: TINY_PNG_BASE64, mimeType: 'image/png' }]);
      await workbench.screenshot('describe-image');
    },
  );

  scenario(
    '6. a local llama.cpp model (the tiny GGUF) added from a file answers in the same chat',
    async () => {
      await workbench.clearNotifications();
      await workbench.retryingQuickInput('Add Local Model', async () => {
        await workbench.command('Switchboard: Add Local Model');
        await workbench.pick('Pick a GGUF file');
        await workbench.chooseFile(session.ggufFile);
      });
      const ready = await workbench.notification(/local model llamacpp\/tiny-chat is ready/);
      await ready.getByRole('button', { name: 'Use It Now' }).click();

      await workbench.pickModel('tiny');
      const answer = await workbench.chat('@switchboard hi', { timeout: 150_000 });
      const footer = FOOTER.exec(answer.text);
      expect(footer?.[1]).toBe('llamacpp/tiny-chat');
      expect(footer?.[3]).toBe('free');
      await workbench.screenshot('local-model');
    },
  );

  scenario(
    '7. a provider package dropped into the plugin folder shows up as new models, no rebuild',
    async () => {
      const before = await workbench.openModelPicker();
      await workbench.page.keyboard.press('Escape');
      expect(before.join('\n')).not.toMatch(/command-a/i);

      // Written beside the folder, then moved in whole: what `npm install` or a copy leaves behind.
      const packed = await packCoherePlugin(path.join(session.dir, 'outside'));
      renameSync(packed, path.join(session.pluginFolder, path.basename(packed)));

      // The folder is watched: within seconds Cohere is a provider one can set a key for.
      await workbench.until(
        async () => {
          await workbench.command('Switchboard: Set API Key');
          const found = (await workbench.quickPickRows()).some((row) => row.includes('Cohere'));
          await workbench.dismissQuickInput();
          if (!found) await workbench.page.waitForTimeout(1000);
          return found;
        },
        20_000,
        'Cohere among the providers of Set API Key',
      );
      expect(session.switchboardLog()).toContain('New provider package switchboard-provider-cohere: cohere');
      await setApiKey('Cohere', 'co-e2e-key');

      session.fakes.answerWith('Hello from Cohere, through a plugin nobody rebuilt the extension for.');
      await workbench.pickModel('Command A');
      const answer = await workbench.chat('@switchboard hello');
      expect(answer.text).toContain('Hello from Cohere, through a plugin nobody rebuilt the extension for.');
      expect(FOOTER.exec(answer.text)?.[1]).toMatch(/^cohere\//);
      await workbench.screenshot('plugin-models');
    },
  );
});
