internal import CCmark
import SiteSupport

/// Writes heading ids by replacing each heading node with custom nodes, whose literal HTML
/// cmark emits even in safe mode: a custom block (for the line break around it) holding a
/// custom inline `<hN id="...">…</hN>` that keeps the heading's inline children, so cmark
/// still renders and escapes the heading's content itself.
enum HeadingAnchors {
    /// Replaces `heading` (a heading node, not used afterwards) by its anchored equivalent.
    static func replace(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
            cmark_node_append_child(block, inline) == 1
        else {
            cmark_node_free(block)
            return
        }
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(HTMLEscaping.escape(id))\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(inline, child)
        }
        if cmark_node_replace(heading, block) == 1 {
            cmark_node_free(heading)
        } else {
            cmark_node_free(block)
        }
    }
}
