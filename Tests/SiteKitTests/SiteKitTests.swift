import Testing
@testable import SiteKit
