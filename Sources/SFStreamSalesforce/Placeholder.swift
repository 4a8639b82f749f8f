public enum SalesforceClientPlaceholder {}
