// Consistency checks of the extension manifest (package.json), shared by `check:vsix`
// (on the packaged manifest and bundle) and the unit tests (on the source manifest).

/** Every `view == X` / `view != X` in a when clause. */
function viewsNamedIn(when) {
  return [...when.matchAll(/\bview\s*[!=]=\s*([\w.-]+)/g)].map((m) => m[1]);
}

/** Every `viewItem == X` in a when clause (regex matches are checked by hand). */
function viewItemsNamedIn(when) {
  return [...when.matchAll(/\bviewItem\s*[!=]=\s*([\w.-]+)/g)].map((m) => m[1]);
}

/**
 * @param {any} manifest the parsed package.json
 * @param {string} [bundle] the bundled extension code: when given, every command id and
 *   every `viewItem` value must appear in it (registered and set by the code).
 * @returns {string[]} what is wrong, empty when all lines up
 */
export function manifestProblems(manifest, bundle) {
  const problems = [];
  const contributes = manifest.contributes ?? {};
  const commands = new Set((contributes.commands ?? []).map((c) => c.command));
  const views = new Set(
    Object.values(contributes.views ?? {})
      .flat()
      .map((v) => v.id),
  );
  const containers = new Set(
    Object.values(contributes.viewsContainers ?? {})
      .flat()
      .map((c) => c.id),
  );

  for (const container of Object.keys(contributes.views ?? {})) {
    if (!containers.has(container) && container !== 'explorer') {
      problems.push(`views are placed in an undeclared container "${container}"`);
    }
  }
  for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
    for (const entry of entries) {
      if (!commands.has(entry.command))
        problems.push(`menu ${menu} names an unknown command ${entry.command}`);
      const when = entry.when ?? '';
      for (const view of viewsNamedIn(when)) {
        if (!views.has(view))
          problems.push(`menu ${menu} (${entry.command}) names an unknown view ${view}`);
      }
      if (menu.startsWith('view/') && !viewsNamedIn(when).length) {
        problems.push(`menu ${menu} (${entry.command}) does not say which view it belongs to`);
      }
      if (bundle) {
        for (const item of viewItemsNamedIn(when)) {
          if (!bundle.includes(item))
            problems.push(`menu ${menu} uses viewItem ${item}, which the code never sets`);
        }
      }
    }
  }
  for (const welcome of contributes.viewsWelcome ?? []) {
    if (!views.has(welcome.view))
      problems.push(`viewsWelcome names an unknown view ${welcome.view}`);
    for (const [, id] of welcome.contents.matchAll(/\(command:([\w.-]+)/g)) {
      if (!commands.has(id)) problems.push(`viewsWelcome links to an unknown command ${id}`);
    }
  }
  for (const event of manifest.activationEvents ?? []) {
    const [kind, id] = event.split(':');
    if (kind === 'onView' && !views.has(id))
      problems.push(`activation event ${event} names an unknown view`);
    if (kind === 'onCommand' && !commands.has(id))
      problems.push(`activation event ${event} names an unknown command`);
    if (!['onView', 'onCommand'].includes(kind))
      problems.push(`unexpected activation event ${event}`);
  }
  if (bundle) {
    for (const id of commands) {
      if (!bundle.includes(`"${id}"`) && !bundle.includes(`'${id}'`)) {
        problems.push(`command ${id} is declared but the bundle never registers it`);
      }
    }
  }
  return problems;
}
