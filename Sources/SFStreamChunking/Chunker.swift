public enum Chunker {}
