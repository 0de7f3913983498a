import FlyingFox

/// The event socket behind `/__sitegen/events`: sends the build status as JSON text on connect and
/// after every build, until the page goes away or the server stops.
struct ReloadSocket: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream.makeStream(of: WSMessage.self, bufferingPolicy: .bufferingNewest(8))
        let subscriber = PreviewState.Subscriber(
            send: { status in continuation.yield(.text(status.json)) },
            finish: {
                continuation.yield(.close(.normalClosure))
                continuation.finish()
            }
        )
        guard let id = await state.subscribe(subscriber) else {
            continuation.yield(.close(.goingAway))
            continuation.finish()
            return messages
        }
        let state = state
        continuation.onTermination = { _ in Task { await state.unsubscribe(id) } }
        // The page's own messages are not used; when it closes, stop sending.
        Task {
            for await _ in client {}
            continuation.finish()
        }
        return messages
    }
}
