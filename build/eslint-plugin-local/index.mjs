// TokenTill's own lint rules (the team's taste that can be checked mechanically).
// `layer-boundaries` enforces the folder layers of architecture.md section 3 on relative imports: a file inside a
// zone's target may not import a path inside the zone's `from` folders (unless it is inside an `except` folder).
// Written here rather than taken from a plugin: the import plugins pull in native resolvers whose other-platform
// builds the build machines' registry does not carry, which breaks `npm ci`.
import path from 'node:path';

function inside(file, folder) {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports inside the layer table of architecture.md section 3.' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                from: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'from', 'message'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: { restricted: 'Import of "{{source}}" crosses a layer boundary: {{message}}' },
  },
  create(context) {
    const root = context.cwd;
    const zones = (context.options[0]?.zones ?? []).map((zone) => ({
      target: path.resolve(root, zone.target),
      from: zone.from.map((folder) => path.resolve(root, folder)),
      except: (zone.except ?? []).map((folder) => path.resolve(root, folder)),
      message: zone.message,
    }));
    const file = context.filename;
    const active = zones.filter((zone) => inside(file, zone.target));
    if (active.length === 0) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      for (const zone of active) {
        const blocked = zone.from.some((folder) => inside(resolved, folder));
        const excepted = zone.except.some((folder) => inside(resolved, folder));
        if (blocked && !excepted) {
          context.report({ node, messageId: 'restricted', data: { source, message: zone.message } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'layer-boundaries': layerBoundaries } };
