// Provider keys in VS Code's SecretStorage (the OS keychain), never in settings.
import type * as vscode from 'vscode';

export class KeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  static storageKey(providerId: string, settingKey = 'apiKey'): string {
    return `switchboard.${providerId}.${settingKey}`;
  }

  async get(providerId: string, settingKey = 'apiKey'): Promise<string | undefined> {
    return (await this.secrets.get(KeyStore.storageKey(providerId, settingKey))) || undefined;
  }

  set(providerId: string, value: string, settingKey = 'apiKey'): Thenable<void> {
    return this.secrets.store(KeyStore.storageKey(providerId, settingKey), value);
  }

  delete(providerId: string, settingKey = 'apiKey'): Thenable<void> {
    return this.secrets.delete(KeyStore.storageKey(providerId, settingKey));
  }

  /** Fires with the provider id whose key changed (in this window or another one). */
  onDidChange(listener: (providerId: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      const match = /^switchboard\.([^.]+(?:\.[^.]+)*)\.[^.]+$/.exec(event.key);
      if (match?.[1]) listener(match[1]);
    });
  }
}
