/**
 * Hovers, LSP wiring only: where the engine says an explanation answers (project/explain-file.ts),
 * its facts as a short Markdown block. Nothing here decides what a file is.
 */
import { Connection, Hover, HoverParams, MarkupKind } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { ExplanationTopic, FileExplanation, explainFile, explanationTopicAt } from './project/explain-file';
import { ProjectModel } from './project/model';

export interface HoverHost {
  /** The current model of the file's project; null when checking is off there. */
  modelFor(filePath: string): ProjectModel | null;
  onError(message: string): void;
}

export function registerHover(connection: Connection, host: HoverHost): void {
  connection.onHover((params) => {
    try {
      return hover(params, host);
    } catch (error) {
      host.onError(`preflight: hover failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  });
}

function hover(params: HoverParams, host: HoverHost): Hover | null {
  const uri = URI.parse(params.textDocument.uri);
  if (uri.scheme !== 'file') return null;
  const model = host.modelFor(uri.fsPath);
  const file = model?.get(uri.fsPath);
  if (!model || !file) return null;
  const topic = explanationTopicAt(file, params.position);
  if (!topic) return null;
  return { contents: { kind: MarkupKind.Markdown, value: markdown(topic, explainFile(model, file)) }, range: topic.range };
}

function markdown(topic: ExplanationTopic, facts: FileExplanation): string {
  const settings = facts.settings.module ? `Production loads settings module \`${facts.settings.module}\`: ${facts.settings.origin}` : `Production's settings module is not known: ${facts.settings.origin}`;
  if (topic.topic === 'settings-module') return `**Django Preflight**\n\n${settings}`;
  if (topic.topic === 'django-version') return `**Django Preflight**\n\n${facts.djangoVersion}`;
  const lines = [`**Django Preflight** · ${facts.context === 'unknown' ? 'context unknown' : facts.context}: ${facts.contextReason}`, ''];
  for (const use of facts.processes) lines.push(`- Used by ${use.process}: ${use.use}`);
  if (facts.processes.length === 0 && facts.context === 'production') lines.push('- No production process found that uses it');
  if (facts.dependencies) lines.push(`- ${facts.dependencies}`);
  lines.push(`- ${settings}`, `- ${facts.djangoVersion}`);
  return lines.join('\n');
}
