"""Streamlit's own English in Chinese: the uploader, the page-not-found notice, tooltips.

Streamlit 1.67 writes a few strings in its frontend with no way to set them from Python:
the uploader's "Upload" button, "50MB per file", the rejected-file messages, the
"Page not found" dialog, the chart and table toolbar tooltips, "Press Enter to apply".
One small script (our own constant text, no document content) watches the page and
replaces exactly those strings inside Streamlit's own widgets, keeping the original so
the English switch restores it. The dictionary below is the whole of it.
"""

from __future__ import annotations

import json

import streamlit as st

from components.i18n import lang

# Whole strings (trimmed) -> Chinese.
EXACT: dict[str, str] = {
    "Upload": "上传",
    "Upload failed": "上传失败",
    "Unexpected error. Please try again.": "上传出错，请重试。",
    "File size is too small.": "文件太小。",
    "Only one file is allowed.": "只能上传一个文件。",
    "Page not found": "页面不存在",
    "The page that you have requested does not seem to exist. Running the app's main page.": (
        "您要打开的页面不存在，已为您打开总览。"
    ),
    "Press Enter to apply": "按回车键确认",
    "Press Enter to submit form": "按回车键提交",
    "No results": "没有结果",
    "Download plot as a png": "下载图片（PNG）",
    "Download as CSV": "下载 CSV",
    "Search": "搜索",
    "Fullscreen": "全屏",
    "Close fullscreen": "退出全屏",
    "View fullscreen": "全屏查看",
    "Exit fullscreen": "退出全屏",
    "Close": "关闭",
    "Clear all": "全部清除",
    "Running...": "运行中…",
}

# Patterns (JavaScript regular expressions) -> Chinese with $1 … for the captured parts.
PATTERNS: list[tuple[str, str]] = [
    (r"^([\d.]+)\s*([KMG]?B) per file(?: • (.*))?$", "单个文件不超过 $1 $2"),
    (r"^File must be ([\d.]+)\s*([KMG]?B) or smaller\.$", "文件不能超过 $1 $2，未上传。"),
    (r"^(.*) files are not allowed\.$", "不支持这种文件（$1），未上传。"),
    (r"^File type must be (.*)\.$", "文件类型必须是 $1，未上传。"),
    (
        r"^You have requested page /(.*), but no corresponding file was found in the app's pages/ directory\. "
        r"Running the app's main page\.$",
        "没有地址为 /$1 的页面，已为您打开总览。",
    ),
    (r"^Remove (.*)$", "移除 $1"),
    (r"^Cancel upload of (.*)$", "取消上传 $1"),
]

# Where Streamlit's own strings live; nothing outside these is ever touched.
SCOPES = ", ".join(
    [
        "[data-testid='stFileUploader']",
        "[role='dialog']",
        "[data-baseweb='tooltip']",
        "[data-baseweb='popover']",
        "[data-testid='stTooltipContent']",
        "[data-testid='stElementToolbar']",
        "[data-testid='InputInstructions']",
        ".modebar",
        "[data-testid='stStatusWidget']",
    ]
)

_SCRIPT = """
<span id="budget-localise" hidden></span>
<style>.stElementContainer:has(#budget-localise){display:none}</style>
<script>
(() => {
  const config = %s;
  window.__budgetLang = config.lang;
  const ATTRS = ["aria-label", "title", "data-title", "placeholder"];
  const patterns = config.patterns.map(([p, r]) => [new RegExp(p), r]);
  const translate = (text) => {
    const key = text.trim();
    if (Object.prototype.hasOwnProperty.call(config.exact, key)) return config.exact[key];
    for (const [re, out] of patterns) if (re.test(key)) return key.replace(re, out);
    return null;
  };
  const fixOne = (base, zh) => {
    const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (zh) {
        const out = translate(node.nodeValue);
        if (out !== null && out !== node.nodeValue) { node.__budgetOriginal = node.nodeValue; node.nodeValue = out; }
      } else if (node.__budgetOriginal !== undefined) {
        node.nodeValue = node.__budgetOriginal; delete node.__budgetOriginal;
      }
    }
    for (const el of [base, ...base.querySelectorAll("*")]) {
      for (const attr of ATTRS) {
        const value = el.getAttribute(attr);
        if (!value) continue;
        const saved = "data-budget-" + attr;
        if (zh) {
          const out = translate(value);
          if (out !== null && out !== value) { el.setAttribute(saved, value); el.setAttribute(attr, out); }
        } else if (el.hasAttribute(saved)) {
          el.setAttribute(attr, el.getAttribute(saved)); el.removeAttribute(saved);
        }
      }
    }
  };
  // Only Streamlit's own widgets are walked: a chart or a table added to the page is
  // looked into for those (a query), never walked node by node.
  const fix = (root) => {
    const zh = window.__budgetLang === "zh";
    const base = root.nodeType === 1 ? root : root.parentElement;
    if (!base || !base.querySelectorAll) return;
    const scoped = base.closest(config.scopes);
    const targets = scoped ? [scoped] : [...base.querySelectorAll(config.scopes)];
    for (const target of targets) fixOne(target, zh);
  };
  window.__budgetFix = fix;
  fix(document.body);
  if (window.__budgetObserver) return;
  window.__budgetObserver = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "childList") m.addedNodes.forEach((n) => window.__budgetFix(n));
      else window.__budgetFix(m.target);
    }
  });
  window.__budgetObserver.observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
  });
})();
</script>
"""


def script(language: str) -> str:
    config = {"lang": language, "exact": EXACT, "patterns": PATTERNS, "scopes": SCOPES}
    return _SCRIPT % json.dumps(config, ensure_ascii=False)


def chrome() -> None:
    """Install the translator (once per page load; a language change re-applies it)."""
    st.sidebar.html(script(lang()), unsafe_allow_javascript=True)
