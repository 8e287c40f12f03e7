// "Set API Key" and "Remove API Key": pick a provider, store or delete its key in secret storage,
// then check the new key by asking the provider for its model list. The key is never logged.
import * as vscode from 'vscode';
import type { Engine, ProviderState } from '../../engine/index.js';
import type { Services } from '../../host/services.js';
import {
  keyCheckOutcome,
  keyPickItems,
  keyPrompt,
  missingBesidesKey,
  ollamaHost,
  validateApiKey,
} from './key-items.js';

/** Long enough for a slow network, short enough not to hold up the user. */
const KEY_CHECK_TIMEOUT_MS = 10_000;

export async function setApiKey(services: Services, providerId?: string): Promise<void> {
  const engine = await services.engine();
  const states = await engine.providers();
  const state =
    (typeof providerId === 'string' ? states.find((s) => s.id === providerId) : undefined) ??
    (await pickProvider(services, engine, states, 'Set API key for…'));
  if (!state) return;

  const secret = (await engine.settingsOf(state.id)).find((setting) => setting.secret);
  if (!secret) {
    void vscode.window.showInformationMessage(`Switchboard: ${state.displayName} needs no API key.`);
    return;
  }
  const { what, ...texts } = keyPrompt(state.id, state.displayName, secret.label);
  const value = await vscode.window.showInputBox({
    ...texts,
    password: true,
    ignoreFocusOut: true,
    validateInput: validateApiKey,
  });
  if (value === undefined) return;
  await services.keys.set(state.id, value.trim(), secret.key);
  // The secret storage event reaches the engine too, but maybe after the check below: tell it now.
  engine.keysChanged(state.id);
  services.log.info(`Key saved for ${state.id} (${secret.key}).`);

  const missing = missingBesidesKey(state, [secret.key]);
  if (missing.length > 0) {
    await askForProviderSettings(state, missing);
    return;
  }
  const overridesEnv =
    state.keySource === 'environment' ? ' It is used instead of the environment variable.' : '';
  if (state.local) {
    void vscode.window.showInformationMessage(`Switchboard: ${what} saved.`);
    return;
  }
  const check = await checkKey(engine, state);
  if (check === 'rejected') return offerRetry(services, state, secret.key);
  const note = check === 'ok' ? '' : ` It could not be checked now (${check}).`;
  const choice = await vscode.window.showInformationMessage(
    `Switchboard: key saved for ${state.displayName}.${overridesEnv}${note}`,
    'Select Model',
  );
  if (choice) await vscode.commands.executeCommand('switchboard.selectModel');
}

export async function removeApiKey(services: Services, providerId?: string): Promise<void> {
  const engine = await services.engine();
  const states = (await engine.providers()).filter((state) => state.keySource === 'secret-storage');
  if (states.length === 0) {
    void vscode.window.showInformationMessage('Switchboard: no API keys are stored in VS Code.');
    return;
  }
  const state =
    (typeof providerId === 'string' ? states.find((s) => s.id === providerId) : undefined) ??
    (await pickProvider(services, engine, states, 'Remove the stored key of…'));
  if (!state) return;
  for (const setting of await engine.settingsOf(state.id)) {
    if (setting.secret) await services.keys.delete(state.id, setting.key);
  }
  engine.keysChanged(state.id);
  services.log.info(`Key removed for ${state.id}.`);
  const fromEnv = state.keyEnv.some((name) => process.env[name]?.trim())
    ? ` ${state.keyEnv.find((name) => process.env[name]?.trim())} is still set and will be used.`
    : '';
  void vscode.window.showInformationMessage(
    `Switchboard: key for ${state.displayName} removed from secret storage.${fromEnv}`,
  );
}

async function pickProvider(
  services: Services,
  engine: Engine,
  states: ProviderState[],
  title: string,
): Promise<ProviderState | undefined> {
  const items = keyPickItems(
    states,
    await engine.models(),
    process.env,
    ollamaHost(services.settings().providers, process.env),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: `Switchboard: ${title}`,
    placeHolder: 'Provider',
    matchOnDescription: true,
  });
  return picked && states.find((state) => state.id === picked.providerId);
}

/** Listing the live models is free and fails fast on a wrong key. */
async function checkKey(engine: Engine, state: ProviderState): Promise<'ok' | 'rejected' | string> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the ${state.displayName} key…` },
    async () => {
      try {
        await engine.providerRegistry.listModels(state.id, {
          live: true,
          signal: AbortSignal.timeout(KEY_CHECK_TIMEOUT_MS),
        });
        return 'ok';
      } catch (error) {
        return keyCheckOutcome(error) === 'rejected' ? 'rejected' : shortReason(error);
      }
    },
  );
}

async function offerRetry(services: Services, state: ProviderState, settingKey: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `Switchboard: ${state.displayName} did not accept this key. It is saved, but requests will fail until it is replaced.`,
    'Enter Again',
    'Remove Key',
  );
  if (choice === 'Enter Again') await setApiKey(services, state.id);
  else if (choice === 'Remove Key') {
    await services.keys.delete(state.id, settingKey);
    services.loadedEngine()?.keysChanged(state.id);
  }
}

async function askForProviderSettings(state: ProviderState, missing: string[]): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `Switchboard: key saved. ${state.displayName} also needs ${missing.join(', ')}: add ` +
      `{ "${state.id}": { "${missing[0]}": "…" } } to the setting switchboard.providers.`,
    'Open Settings',
  );
  if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'switchboard.providers');
}

function shortReason(error: unknown): string {
  const text = String((error as { message?: unknown } | undefined)?.message ?? error);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
