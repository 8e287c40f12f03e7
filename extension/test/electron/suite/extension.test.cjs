// Switchboard inside a real VS Code: activation, commands, the models it offers VS Code's chat,
// and the @switchboard participant. run.mjs points the OpenAI provider at a fake server.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'switchboard.switchboard-vscode';

function extension() {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

/** VS Code asks the provider for its models lazily; the engine discovers plugins first. */
async function switchboardModels(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const models = await vscode.lm.selectChatModels({ vendor: 'switchboard' });
    if (models.length > 0 || Date.now() > deadline) return models;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('Switchboard in VS Code', () => {
  before(async () => {
    await extension().activate();
  });

  it('activates', () => {
    assert.equal(extension().isActive, true);
  });

  it('registers every switchboard.* command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = extension().packageJSON.contributes.commands.map((command) => command.command);
    assert.ok(contributed.length > 0);
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
    );
  });

  it('offers models to VS Code chat when an OpenAI key and base URL are set', async () => {
    assert.ok(process.env.SWITCHBOARD_FAKE_OPENAI_URL, 'run through test/electron/run.mjs');
    const models = await switchboardModels();
    assert.ok(models.length > 0, 'selectChatModels({ vendor: "switchboard" }) returned no models');
    assert.ok(
      models.some((model) => model.id === 'openai/gpt-4o-mini'),
      `no openai/gpt-4o-mini among ${models.map((model) => model.id).join(', ')}`,
    );
    assert.ok(models.every((model) => model.vendor === 'switchboard'));
  });

  it('contributes the @switchboard participant that activation registers', () => {
    const participants = extension().packageJSON.contributes.chatParticipants;
    assert.ok(
      participants.some(
        (participant) => participant.id === 'switchboard.chat' && participant.name === 'switchboard',
      ),
    );
    // Stable API has no list of participants; activation (above) registered it without throwing.
    assert.equal(typeof vscode.chat.createChatParticipant, 'function');
  });
});
