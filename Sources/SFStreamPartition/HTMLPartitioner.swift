import CLibXML2
import SFStreamElements

public enum HTMLPartitioner {
    public static func libxml2Version() -> Int32 { xmlInitParser(); return 0 }
}
