public enum SalesforceEmulatorPlaceholder {}
