@_exported import SFStream
@_exported import SalesforceEmulator
