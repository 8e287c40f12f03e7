// The "Show Usage" webview: one panel, re-rendered on Refresh and when a request's usage is recorded.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { usageHtml } from './usage-html.js';

const DAYS = 30;
/** Several requests in a row redraw once. */
const REDRAW_DELAY_MS = 1000;

export class UsagePanel {
  private static current: UsagePanel | undefined;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
  ) {
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      UsagePanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if ((message as { type?: unknown } | undefined)?.type === 'refresh') void this.render();
    });
  }

  static async show(services: Services): Promise<void> {
    if (UsagePanel.current) {
      UsagePanel.current.panel.reveal();
      await UsagePanel.current.render();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'switchboard.usage',
      'Switchboard Usage',
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [] },
    );
    UsagePanel.current = new UsagePanel(panel, services);
    await UsagePanel.current.render();
  }

  /** New usage was recorded: redraw an open panel soon. */
  static usageRecorded(): void {
    const current = UsagePanel.current;
    if (!current) return;
    clearTimeout(current.timer);
    current.timer = setTimeout(() => void current.render(), REDRAW_DELAY_MS);
  }

  private async render(): Promise<void> {
    try {
      const rows = await (await this.services.engine()).usage(DAYS);
      this.panel.webview.html = usageHtml({
        rows,
        days: DAYS,
        today: new Date(),
        nonce: randomBytes(16).toString('base64url'),
      });
    } catch (error) {
      await this.services.showError(error);
    }
  }
}
