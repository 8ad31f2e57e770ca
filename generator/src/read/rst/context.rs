//! Per-document reader state: facts gathered in a first pass over the whole page (link
//! labels, substitution definitions, external targets) plus what the block parser carries
//! from one block to the next (pending anchors, section styles) and the diagnostics.

use super::lines::Line;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Block, BlockKind};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// What a `.. |name| directive::` substitution definition stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Substitution {
    /// `replace::` (and other text-producing directives such as `unicode::`): inline text.
    Text(String),
    /// `image::`: a picture, which carries no text.
    Image,
}

pub(crate) struct Ctx {
    pub file: Arc<str>,
    pub diags: Diagnostics,
    /// Internal targets (`.. _label:`) of this page, normalized.
    labels: HashSet<String>,
    /// External targets (`.. _name: https://…`): normalized name → URL.
    external: HashMap<String, String>,
    substitutions: HashMap<String, Substitution>,
    /// Title adornment styles in order of first appearance: (character, has overline).
    section_styles: Vec<(char, bool)>,
    /// Targets seen but not yet attached to a block: they belong to the next block.
    pub pending_anchors: Vec<String>,
    /// `:original_name:` of the page, without `.html`.
    pub original_name: Option<String>,
    /// How many block parsers are active (block quotes, list items, directive content and
    /// table cells nest them): bounded so that deep input cannot overflow the stack.
    pub nesting: usize,
}

static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\.\. _([^`:][^:]*|`[^`]+`):(?:\s+(\S.*))?$").unwrap());
static SUBST_DEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\.\. \|([^|\s][^|]*)\|\s+([A-Za-z0-9_-]+)::\s*(.*)$").unwrap()
});

/// rST reference names are case-insensitive with whitespace collapsed (docutils normalizes
/// them the same way). Anchors and link targets use this form, so a `:ref:` on one page
/// matches the target on another by plain equality (OTC pages define `.. _UpdateSamples:`
/// and refer to it as `updatesamples`).
pub(crate) fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A parsed `.. _name:` line: the name (backquotes removed) and the external URL if any.
pub(crate) fn parse_target(text: &str) -> Option<(String, Option<String>)> {
    let caps = TARGET.captures(text)?;
    let name = caps[1].trim().trim_matches('`').to_string();
    Some((name, caps.get(2).map(|m| m.as_str().trim().to_string())))
}

impl Ctx {
    /// Build the context with a first pass over all lines, so that references can be
    /// resolved wherever they occur (a `:ref:` often points at a table further down).
    pub fn new(file: Arc<str>, lines: &[Line]) -> Self {
        let mut ctx = Ctx {
            file,
            diags: Diagnostics::new(),
            labels: HashSet::new(),
            external: HashMap::new(),
            substitutions: HashMap::new(),
            section_styles: Vec::new(),
            pending_anchors: Vec::new(),
            original_name: None,
            nesting: 0,
        };
        for (i, line) in lines.iter().enumerate() {
            if let Some((name, url)) = parse_target(&line.text) {
                match url {
                    Some(url) => {
                        ctx.external.insert(normalize_name(&name), url);
                    }
                    None => {
                        ctx.labels.insert(normalize_name(&name));
                    }
                }
            } else if let Some(caps) = SUBST_DEF.captures(&line.text) {
                let name = normalize_name(&caps[1]);
                let value = match &caps[2] {
                    "image" => Substitution::Image,
                    _ => {
                        // The replacement text may continue on more-indented lines.
                        let indent = line.indent();
                        let mut text = caps[3].trim().to_string();
                        for next in lines[i + 1..]
                            .iter()
                            .take_while(|l| !l.is_blank() && l.indent() > indent)
                        {
                            text.push(' ');
                            text.push_str(next.text.trim());
                        }
                        Substitution::Text(text)
                    }
                };
                ctx.substitutions.insert(name, value);
            }
        }
        ctx
    }

    pub fn span(&self, start: u32, end: u32) -> Span {
        Span::new(&self.file, start, end)
    }

    /// The normalized label, if `name` refers to a target on this page.
    pub fn label(&self, name: &str) -> Option<String> {
        let name = normalize_name(name);
        self.labels.contains(&name).then_some(name)
    }

    pub fn external_target(&self, name: &str) -> Option<&str> {
        self.external.get(&normalize_name(name)).map(String::as_str)
    }

    pub fn substitution(&self, name: &str) -> Option<&Substitution> {
        self.substitutions.get(&normalize_name(name))
    }

    /// Section level of a title adornment style: the order in which the page first uses it.
    pub fn section_level(&mut self, style: (char, bool)) -> u8 {
        let index = match self.section_styles.iter().position(|s| *s == style) {
            Some(i) => i,
            None => {
                self.section_styles.push(style);
                self.section_styles.len() - 1
            }
        };
        u8::try_from(index + 1).unwrap_or(u8::MAX)
    }

    /// Append a block; targets seen since the previous block become its anchors.
    pub fn emit(&mut self, out: &mut Vec<Block>, start: u32, end: u32, kind: BlockKind) {
        let span = self.span(start, end);
        out.push(Block {
            span,
            anchors: std::mem::take(&mut self.pending_anchors),
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_internal_and_external() {
        assert_eq!(
            parse_target(".. _modelarts_03_0050:"),
            Some(("modelarts_03_0050".into(), None))
        );
        assert_eq!(parse_target("   .. _`a b`:"), Some(("a b".into(), None)));
        assert_eq!(
            parse_target(".. _curl: https://curl.se/"),
            Some(("curl".into(), Some("https://curl.se/".into())))
        );
        assert_eq!(parse_target(".. note::"), None);
        assert_eq!(parse_target(".. |x| replace:: y"), None);
    }

    #[test]
    fn first_pass_collects_labels_and_substitutions() {
        let lines: Vec<Line> = [
            ".. _Tab_1:",
            ".. |v| replace:: version",
            "   two",
            ".. |img| image:: a.png",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line::new(i as u32 + 1, *t))
        .collect();
        let ctx = Ctx::new(Arc::from("f"), &lines);
        assert_eq!(ctx.label("TAB_1"), Some("tab_1".to_string()));
        assert_eq!(
            ctx.substitution("V"),
            Some(&Substitution::Text("version two".into()))
        );
        assert_eq!(ctx.substitution("img"), Some(&Substitution::Image));
    }

    #[test]
    fn section_levels_follow_first_appearance() {
        let mut ctx = Ctx::new(Arc::from("f"), &[]);
        assert_eq!(ctx.section_level(('-', false)), 1);
        assert_eq!(ctx.section_level(('=', true)), 2);
        assert_eq!(ctx.section_level(('-', false)), 1);
        assert_eq!(ctx.section_level(('=', false)), 3);
    }
}
