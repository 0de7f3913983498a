/// The live-reload script served pages get: it opens the event socket, reloads the page when a new
/// build is published and shows build errors in an overlay. `sitegen build` never writes it.
public enum ReloadScript {
    /// The path of the WebSocket the script connects to; `/__sitegen/` is reserved for the server.
    public static let eventsPath = "/__sitegen/events"
    /// The path of the build status as JSON (the same message the socket sends).
    public static let statusPath = "/__sitegen/status"

    /// `html` with the script inserted before its last `</body>` (or appended when there is none).
    public static func inject(into html: [UInt8], build: String) -> [UInt8] {
        let script = Array(tag(build: build).utf8)
        guard let at = lastBodyClose(in: html) else { return html + script }
        var out = [UInt8]()
        out.reserveCapacity(html.count + script.count)
        out += html[..<at]
        out += script
        out += html[at...]
        return out
    }

    /// Where the last `</body` starts, ignoring ASCII case.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return stride(from: html.count - needle.count, through: 0, by: -1).first { start in
            needle.indices.allSatisfy { lowercased(html[start + $0]) == needle[$0] }
        }
    }

    /// The script element for a page of build `build` (an id the server made: letters, digits, `-`).
    static func tag(build: String) -> String {
        let safeBuild = String(build.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" })
        return "<script id=\"sitegen-live-reload\">\n(() => {\n\"use strict\";\nconst build = \"\(safeBuild)\";\n" + body + "})();\n</script>\n"
    }

    private static let body = #"""
    let overlay = null;
    const show = (text) => {
      if (!overlay) {
        overlay = document.createElement("sitegen-error-overlay");
        const root = overlay.attachShadow({ mode: "open" });
        const style = document.createElement("style");
        style.textContent = ":host{all:initial;position:fixed;inset:0;z-index:2147483647;background:rgba(16,16,16,.88);overflow:auto}"
          + "div{margin:6vh auto;max-width:64rem;padding:1.25rem 1.5rem;background:#1d1d1f;color:#f5f5f5;border-left:6px solid #e5484d;border-radius:6px}"
          + "h2{margin:0 0 .75rem;font:600 16px/1.3 system-ui,sans-serif;color:#ff9592}"
          + "pre{margin:0;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}"
          + "p{margin:.9rem 0 0;font:13px/1.4 system-ui,sans-serif;color:#b5b5b5}";
        const box = document.createElement("div");
        box.setAttribute("role", "alert");
        const title = document.createElement("h2");
        title.textContent = "sitegen: the last change does not build";
        const pre = document.createElement("pre");
        const note = document.createElement("p");
        note.textContent = "The preview shows the last good build. This message goes away when the error is fixed.";
        box.append(title, pre, note);
        root.append(style, box);
      }
      overlay.shadowRoot.querySelector("pre").textContent = text;
      if (!overlay.isConnected) document.documentElement.append(overlay);
    };
    const hide = () => { if (overlay) overlay.remove(); };
    const connect = () => {
      const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__sitegen/events");
      socket.onmessage = (event) => {
        const status = JSON.parse(event.data);
        if (status.build && status.build !== build) { location.reload(); return; }
        if (status.errors) { show(status.errors); } else { hide(); }
      };
      socket.onclose = () => { setTimeout(connect, 1000); };
    };
    connect();

    """#
}
